"""IntegrationPlans: the application service (commands and queries over plans)."""
