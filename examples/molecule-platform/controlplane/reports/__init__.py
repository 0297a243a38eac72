"""Reports for the customer-success and support teams."""
