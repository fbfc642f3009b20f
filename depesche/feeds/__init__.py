"""Feeds: RSS and Atom (feedgen), JSON Feed, and the OPML list of topic feeds."""
