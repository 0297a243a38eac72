FLASK_APP=controlhub:create_app
FLASK_DEBUG=0
