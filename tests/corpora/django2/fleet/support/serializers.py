from rest_framework import serializers


class SupportMessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sender = serializers.CharField()
    body = serializers.CharField()
