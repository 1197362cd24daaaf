-- The van's pack (issue 15): holds to hand over at a mobile-library route's stops, found by route without reading
-- every live hold.
CREATE INDEX circulation_holds_route_idx ON circulation_holds (pickup_route_id, seq)
  WHERE status IN ('ready', 'in_transit') AND pickup_route_id IS NOT NULL;
