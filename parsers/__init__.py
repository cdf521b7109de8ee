"""Pure parsers and the domain model: source metadata + bytes in, events out."""
