package audit

const memoryExport = "SELECT id, content FROM memories WHERE ? = ?"
