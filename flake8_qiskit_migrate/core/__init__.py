"""What the command and the editor server share, below both: reading sources and notebooks,
project settings, the result cache, the runner, diagnostics, filters, baselines and fixing."""
