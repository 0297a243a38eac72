SELECT id, slug, host FROM orgs ORDER BY slug;
