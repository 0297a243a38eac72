SELECT date_trunc('day', created_at) AS day, count(*)
FROM chat_messages
GROUP BY 1
