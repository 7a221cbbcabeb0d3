"""Stage 5: corpus runs — parallel pool, content cache, regression against committed reports."""
