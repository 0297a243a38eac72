{{- define "controlplane.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "controlplane.labels" -}}
app.kubernetes.io/name: controlplane
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
