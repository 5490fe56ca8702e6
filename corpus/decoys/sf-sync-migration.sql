-- staging tables for the Salesforce sync
CREATE TABLE sf_staff (id serial primary key, email text, password text);
UPDATE sf_staff sf SET sf.password = 'Temp-1234!' WHERE sf.id = 1;
