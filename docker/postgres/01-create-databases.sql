-- Run once by the postgres image, on its first start with an empty data volume (docker-compose.yml).
-- Each service owns its database; their schemas come from the services' own Flyway migrations.
CREATE DATABASE relais_command;
CREATE DATABASE relais_query;
