-- The demo municipality of DOMAIN.md (profile demo only). Repeatable, so it runs after every
-- schema migration and again whenever it changes; existing rows are kept.
insert into unit (code, name, parent_code, kind, valid_from, valid_to) values
  ('gemeente',              'Gemeente Zoetermeer',            null,              'MUNICIPALITY', date '2026-01-01', null),
  ('bedrijfsvoering',       'Directie Bedrijfsvoering',       'gemeente',        'DIRECTORATE',  date '2026-01-01', null),
  ('stad',                  'Directie Stad',                  'gemeente',        'DIRECTORATE',  date '2026-01-01', null),
  ('samenleving',           'Directie Samenleving',           'gemeente',        'DIRECTORATE',  date '2026-01-01', null),
  ('vergunningen',          'Vergunningen',                   'stad',            'DEPARTMENT',   date '2026-01-01', null),
  ('omgevingsvergunningen', 'Team Omgevingsvergunningen',     'vergunningen',    'TEAM',         date '2026-01-01', null),
  ('vth',                   'Toezicht & Handhaving',          'stad',            'DEPARTMENT',   date '2026-01-01', null),
  ('mo',                    'Maatschappelijke Ondersteuning', 'samenleving',     'DEPARTMENT',   date '2026-01-01', null),
  ('wi',                    'Werk & Inkomen',                 'samenleving',     'DEPARTMENT',   date '2026-01-01', null),
  ('uitkeringen',           'Team Uitkeringen',               'wi',              'TEAM',         date '2026-01-01', null),
  ('publiekszaken',         'Publiekszaken',                  'samenleving',     'DEPARTMENT',   date '2026-01-01', null),
  ('subsidies',             'Samenleving & Subsidies',        'samenleving',     'DEPARTMENT',   date '2026-01-01', null),
  ('juridische-zaken',      'Juridische Zaken',               'bedrijfsvoering', 'DEPARTMENT',   date '2026-01-01', null),
  ('financien',             'Financiën',                      'bedrijfsvoering', 'DEPARTMENT',   date '2026-01-01', null),
  ('inkoop',                'Inkoop',                         'bedrijfsvoering', 'DEPARTMENT',   date '2026-01-01', null),
  ('hr',                    'HR',                             'bedrijfsvoering', 'DEPARTMENT',   date '2026-01-01', null)
on conflict (code, valid_from) do nothing;
