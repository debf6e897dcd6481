"""The synthetic demo county: `seed_demo_county` seeds it through the application."""
