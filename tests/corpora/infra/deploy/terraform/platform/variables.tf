variable "region" {
  type    = string
  default = "us-east-1"
}

variable "controlplane_image" {
  type = string
}

variable "fleet_cache_url" {
  description = "Support's read access to org caches (ops runbook 12)."
  type        = string
  sensitive   = true
}
