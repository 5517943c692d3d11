"""Staff pages of the survey app: thin views over services, estimates and charts."""
