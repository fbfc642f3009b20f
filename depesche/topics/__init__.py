"""Topic tags: what an article is about, from mentions ranked and chosen."""
