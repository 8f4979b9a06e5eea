"""Hindsight: claims and predictions from news, on a timeline."""
