-- The sample schema and view of docs/personnel-database.md (its ```sql blocks, which DemoPersonnelDatabaseTest
-- compares with these statements): the dev launcher's embedded personnel database.

CREATE SCHEMA hr;

CREATE TABLE hr.staff (
    staff_no     INTEGER PRIMARY KEY,
    id_no        CHAR(10) NOT NULL,
    surname      VARCHAR(40) NOT NULL,
    given_name   VARCHAR(40) NOT NULL,
    born_on      DATE,
    office_mail  VARCHAR(254),
    org_code     VARCHAR(10) NOT NULL,
    duty_code    CHAR(1) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE INDEX staff_id_no ON hr.staff (id_no);
CREATE INDEX staff_updated_at ON hr.staff (updated_at);

CREATE SCHEMA ecpa;

-- duty_code: 1 在職 (serving), 2 離職 (departed). Any other code maps to NULL, and the row is reported, not imported.
CREATE VIEW ecpa.personnel AS
SELECT id_no       AS national_id,
       surname     AS last_name,
       given_name  AS first_name,
       born_on     AS birth_date,
       office_mail AS email,
       org_code    AS agency_code,
       CASE duty_code WHEN '1' THEN 'serving' WHEN '2' THEN 'departed' END AS employment_status,
       updated_at  AS last_modified
FROM hr.staff;
