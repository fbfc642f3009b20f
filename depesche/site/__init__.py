"""The site: collated articles as pages, the plan of every output, SEO and search."""
