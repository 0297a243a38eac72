DROP TABLE dns_zones;
DROP TABLE invoices;
DROP TABLE orgs;
