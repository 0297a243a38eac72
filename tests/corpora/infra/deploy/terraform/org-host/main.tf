variable "org_id" { type = string }
variable "org_slug" { type = string }
variable "platform_db_host" {
  description = "Staging only: org databases live on the platform cluster to save cost."
  type        = string
}

resource "aws_launch_template" "org_host" {
  name_prefix   = "org-${var.org_slug}-"
  image_id      = data.aws_ami.tenant.id
  instance_type = "t3.large"
  user_data = base64encode(templatefile("${path.module}/cloud-init.yaml.tftpl", {
    org_id        = var.org_id
    platform_url  = "https://api.molecule.cloud"
    database_url  = "postgresql://workspace@${var.platform_db_host}:5432/ws_${var.org_slug}"  # expect: MOL402
  }))
}

data "aws_ami" "tenant" {
  most_recent = true
  owners      = ["self"]
  filter {
    name   = "name"
    values = ["molecule-tenant-*"]
  }
}
