-- One database per agency on the compose Postgres, as each agency may run its own server
-- (each agency's tables also live in its own schema, so one shared database would work too).
CREATE DATABASE comms;
CREATE DATABASE econ;
CREATE DATABASE bigdata;
CREATE DATABASE energy;
