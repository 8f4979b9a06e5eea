"""Thin REST handlers: parse input, call one service, shape the output."""
