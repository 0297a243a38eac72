SELECT role, body
FROM chat_messages
WHERE workspace_id = $1
ORDER BY created_at DESC
LIMIT 500
