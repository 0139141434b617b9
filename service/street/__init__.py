"""The 街道 (street office) and its communities: which communities one deployment serves, where
each one's configuration and data live."""
