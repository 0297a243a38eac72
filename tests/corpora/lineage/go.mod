module example.com/lineage

go 1.22
