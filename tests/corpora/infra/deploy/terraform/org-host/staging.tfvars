platform_db_host = "molecule-platform.cluster-c8x2lq.us-east-1.rds.amazonaws.com"
