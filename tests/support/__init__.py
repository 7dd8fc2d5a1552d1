"""Helpers the tests share: free ports, a REST client, trackers."""
