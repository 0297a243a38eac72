resource "aws_db_instance" "platform" {
  identifier          = "molecule-platform"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  db_name             = "molecule"
  username            = "molecule"
  manage_master_user_password = true
}

resource "aws_ssm_parameter" "platform_database_url" {
  name  = "/molecule/platform/DATABASE_URL"
  type  = "SecureString"
  value = "postgresql://molecule@${aws_db_instance.platform.address}:5432/molecule"
}

resource "aws_ecs_task_definition" "controlplane" {
  family                   = "controlplane"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([
    {
      name  = "controlplane"
      image = var.controlplane_image
      environment = [
        { name = "PLATFORM_PUBLIC_URL", value = "https://api.molecule.cloud" },
        { name = "TENANT_REDIS_URL", value = var.fleet_cache_url },  # expect: MOL401
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = aws_ssm_parameter.platform_database_url.arn },
      ]
    }
  ])
}
