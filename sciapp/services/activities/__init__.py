"""Activities on the ties (exchanges, delegations, sister schools, events), who took part,
their files kept in the database, and the gifts given and received."""
