"""Legally equivalent wordings of the formula (our own sentences, real facts), each read exactly."""
from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from parsers.federal_register import parse_fr_document


def notice(title: str, paragraphs: list[str], published: str):
    """A State Department NOTICE in GPO XML around these paragraphs (markup inside them kept)."""
    body = "".join(f"<P>{p}</P>" for p in paragraphs)
    xml = (f"<NOTICE><PREAMB><AGENCY>DEPARTMENT OF STATE</AGENCY><SUBJECT>{escape(title)}</SUBJECT></PREAMB>"
           f"<SUPLINF>{body}</SUPLINF><SIG><DATED>Dated: May 1, 2020.</DATED><NAME>Michael R. Pompeo,</NAME></SIG>"
           "<FRDOC>[FR Doc. 2020-1 Filed]</FRDOC></NOTICE>")
    meta = {"document_number": "2020-1", "publication_date": published, "agencies": [{"slug": "state-department"}]}
    return parse_fr_document(meta, xml.encode())


CASES = {'1997 numbered': {'title': 'Designation of Foreign Terrorist Organizations',
                   'paragraphs': ['Pursuant to section 219 of the Immigration and Nationality Act, as added by the '
                                  'Antiterrorism and Effective Death Penalty Act of 1996, the Secretary of State '
                                  'hereby designates, effective October 8, 1997, the following as foreign terrorist '
                                  'organizations:',
                                  '1. Abu Nidal Organization (ANO), also known as Black June, also known as Fatah '
                                  'Revolutionary Council.',
                                  '2. Abu Sayyaf Group (ASG).',
                                  '3. Armed Islamic Group (GIA).',
                                  '4. Aum Shinrikyo, also known as Aum Supreme Truth.'],
                   'published': '1997-10-08',
                   'kind': 'fto_designation',
                   'events': [('FTO',
                               'designation',
                               'Abu Nidal Organization',
                               ('ANO', 'Black June', 'Fatah Revolutionary Council'),
                               'organization',
                               ()),
                              ('FTO', 'designation', 'Abu Sayyaf Group', ('ASG',), 'organization', ()),
                              ('FTO', 'designation', 'Armed Islamic Group', ('GIA',), 'organization', ()),
                              ('FTO', 'designation', 'Aum Shinrikyo', ('Aum Supreme Truth',), 'organization', ())]},
 'are present following paragraphs': {'title': 'Foreign Terrorist Organization Designations',
                                      'paragraphs': ['Based upon a review of the Administrative Record assembled in '
                                                     'this matter, and in consultation with the Attorney General and '
                                                     'the Secretary of the Treasury, I have concluded that there is '
                                                     'a sufficient factual basis to find that the relevant '
                                                     'circumstances described in section 219 of the Immigration and '
                                                     'Nationality Act, as amended (8 U.S.C. 1189), are present with '
                                                     'respect to the following organizations:',
                                                     'Tren de Aragua (a.k.a. TdA);',
                                                     'Mara Salvatrucha (a.k.a. MS-13); and',
                                                     'Cartel del Golfo.',
                                                     'Therefore, I hereby designate the aforementioned organizations '
                                                     'and their respective aliases as Foreign Terrorist '
                                                     'Organizations pursuant to section 219 of the INA.'],
                                      'published': '2020-05-10',
                                      'kind': 'fto_designation',
                                      'events': [('FTO',
                                                  'designation',
                                                  'Tren de Aragua',
                                                  ('TdA',),
                                                  'organization',
                                                  ()),
                                                 ('FTO',
                                                  'designation',
                                                  'Mara Salvatrucha',
                                                  ('MS-13',),
                                                  'organization',
                                                  ()),
                                                 ('FTO', 'designation', 'Cartel del Golfo', (), 'organization', ())]},
 'apply to A and B': {'title': 'Foreign Terrorist Organization Designation of Viv Ansanm and Gran Grif',
                      'paragraphs': ['Based upon a review of the Administrative Record assembled in this matter, I '
                                     'have concluded that there is a sufficient factual basis to find that the '
                                     'relevant circumstances described in section 219 of the INA (8 U.S.C. 1189) '
                                     'apply to Viv Ansanm and Gran Grif.',
                                     'Therefore, I hereby designate the aforementioned organizations and their '
                                     'respective aliases as Foreign Terrorist Organizations pursuant to section 219 '
                                     'of the INA.'],
                      'published': '2020-05-10',
                      'kind': 'fto_designation',
                      'events': [('FTO', 'designation', 'Viv Ansanm', (), 'organization', ()),
                                 ('FTO', 'designation', 'Gran Grif', (), 'organization', ())]},
 'sdgt individual details': {'title': 'Designation of Juan Perez as a Specially Designated Global Terrorist',
                             'paragraphs': ['Acting under the authority of and in accordance with section 1(b) of '
                                            'Executive Order 13224, as amended, I hereby determine that the '
                                            'individual known as Juan Perez, also known as El Flaco, born January 1, '
                                            '1970, in Quito, Ecuador, nationality Ecuador, male, has committed, or '
                                            'poses a significant risk of committing, acts of terrorism that threaten '
                                            'the security of U.S. nationals or the national security, foreign '
                                            'policy, or economy of the United States.',
                                            'Consistent with the determination in section 10 of Executive Order '
                                            '13224 that prior notice to persons determined to be subject to the '
                                            'Order who might have a constitutional presence in the United States '
                                            'would render ineffectual the blocking and other measures authorized in '
                                            'the Order because of the ability to transfer funds instantaneously, I '
                                            'determine that no prior notice needs to be provided to any person '
                                            'subject to this determination who might have a constitutional presence '
                                            'in the United States.',
                                            'This notice shall be published in the Federal Register.'],
                             'published': '2020-05-10',
                             'kind': 'sdgt_designation',
                             'events': [('SDGT',
                                         'designation',
                                         'Juan Perez',
                                         ('El Flaco',),
                                         'individual',
                                         (('dob', 'January 1, 1970'),
                                          ('pob', 'Quito, Ecuador'),
                                          ('nationality', 'Ecuador'),
                                          ('gender', 'male')))]},
 'sdgt indiv paren details': {'title': 'Designation of Juan Perez as a Specially Designated Global Terrorist',
                              'paragraphs': ['Acting under the authority of section 1(a)(ii)(B) of Executive Order '
                                             '13224, as amended, I hereby determine that the person known as Juan '
                                             'Perez (also known as El Flaco; born 1975; nationality Ecuador; male; '
                                             'passport A1234567) is a leader of Los Lobos, an entity designated '
                                             'pursuant to Executive Order 13224.'],
                              'published': '2020-05-10',
                              'kind': 'sdgt_designation',
                              'events': [('SDGT',
                                          'designation',
                                          'Juan Perez',
                                          ('El Flaco',),
                                          'individual',
                                          (('dob', '1975'),
                                           ('nationality', 'Ecuador'),
                                           ('gender', 'male'),
                                           ('passport', 'A1234567')))]},
 'alias and HTS': {'title': 'Amendment of the Designation of al-Nusrah Front',
                   'paragraphs': ['Based upon a review of the Administrative Record, and pursuant to section 219(b) '
                                  'of the INA, I hereby amend the designation of al-Nusrah Front as a Foreign '
                                  "Terrorist Organization to include the following aliases: Hay'at Tahrir al-Sham "
                                  'and HTS.'],
                   'published': '2020-05-10',
                   'kind': 'fto_amendment',
                   'events': [('FTO',
                               'amendment',
                               'al-Nusrah Front',
                               ("Hay'at Tahrir al-Sham", 'HTS'),
                               'organization',
                               ())]},
 'together with its aliases': {'title': 'Foreign Terrorist Organization Designation of Hamas',
                               'paragraphs': ['I have concluded that the relevant circumstances described in section '
                                              '219 of the INA exist with respect to Harakat al-Muqawama al-Islamiya, '
                                              'also known as Hamas, together with its aliases.',
                                              'Therefore, I hereby designate the aforementioned organization as a '
                                              'Foreign Terrorist Organization.'],
                               'published': '2020-05-10',
                               'kind': 'fto_designation',
                               'events': [('FTO',
                                           'designation',
                                           'Harakat al-Muqawama al-Islamiya',
                                           ('Hamas',),
                                           'organization',
                                           ())]},
 'review remain in effect': {'title': 'Review of the Designation of Hizballah (and Other Aliases) as a Foreign '
                                      'Terrorist Organization',
                             'paragraphs': ['Based upon a review of the Administrative Record assembled pursuant to '
                                            'section 219(a)(4)(C) of the INA, the Secretary of State concludes that '
                                            'the circumstances that were the basis for the designation of the '
                                            'aforementioned organization have not changed in such a manner as to '
                                            'warrant revocation of the designation.',
                                            'Therefore, the Secretary of State hereby determines that the '
                                            'designation of the aforementioned organization as a Foreign Terrorist '
                                            'Organization shall remain in effect.'],
                             'published': '2020-05-10',
                             'kind': 'fto_review',
                             'events': [('FTO', 'review', 'Hizballah', (), 'organization', ())]},
 'redesignation 1999': {'title': 'Redesignation of Foreign Terrorist Organizations',
                        'paragraphs': ['Pursuant to section 219 of the Immigration and Nationality Act, the '
                                       'Secretary of State hereby redesignates the following as foreign terrorist '
                                       'organizations:',
                                       'Abu Nidal Organization',
                                       'Hizballah',
                                       'Hamas'],
                        'published': '1999-10-08',
                        'kind': 'fto_review',
                        'events': [('FTO', 'review', 'Abu Nidal Organization', (), 'organization', ()),
                                   ('FTO', 'review', 'Hizballah', (), 'organization', ()),
                                   ('FTO', 'review', 'Hamas', (), 'organization', ())]},
 'revoke': {'title': 'Revocation of the Designation of Abu Nidal Organization as a Foreign Terrorist Organization',
            'paragraphs': ['In accordance with section 219(a)(6)(A) of the INA, the Secretary of State hereby '
                           'revokes the designation of the Abu Nidal Organization (ANO) and its aliases as a Foreign '
                           'Terrorist Organization.',
                           'The revocation goes into effect upon publication.'],
            'published': '2020-05-10',
            'kind': 'fto_revocation',
            'events': [('FTO', 'revocation', 'Abu Nidal Organization', ('ANO',), 'organization', ())]},
 'sdgt org known as': {'title': "Designation of Kata'ib Hizballah as a Specially Designated Global Terrorist",
                       'paragraphs': ['Acting under the authority of section 1(b) of Executive Order 13224, I hereby '
                                      "determine that the organization known as Kata'ib Hizballah, also known as "
                                      "Kata'ib Hizballah in Iraq, also known as Hizballah Brigades, has committed, "
                                      'or poses a significant risk of committing, acts of terrorism.'],
                       'published': '2020-05-10',
                       'kind': 'sdgt_designation',
                       'events': [('SDGT',
                                   'designation',
                                   "Kata'ib Hizballah",
                                   ("Kata'ib Hizballah in Iraq", 'Hizballah Brigades'),
                                   'organization',
                                   ())]},
 'sdgt persons known as': {'title': 'Designation of Individuals as Specially Designated Global Terrorists',
                           'paragraphs': ['Acting under the authority of section 1(b) of Executive Order 13224, I '
                                          'hereby determine that the persons known as Hakimullah Mehsud, also known '
                                          'as Hakeemullah Mehsud, and Wali ur Rehman, each has committed, or poses a '
                                          'significant risk of committing, acts of terrorism.'],
                           'published': '2020-05-10',
                           'kind': 'sdgt_designation',
                           'events': [('SDGT',
                                       'designation',
                                       'Hakimullah Mehsud',
                                       ('Hakeemullah Mehsud',),
                                       'individual',
                                       ()),
                                      ('SDGT', 'designation', 'Wali ur Rehman', (), 'individual', ())]},
 'meet criteria': {'title': 'Designation of Ansar al-Sharia in Benghazi as an FTO',
                   'paragraphs': ['I have determined that there is a sufficient factual basis to find that the '
                                  'relevant circumstances described in section 219 of the INA have been satisfied '
                                  "with respect to Ansar al-Sharia in Benghazi (a.k.a. Ansar al-Shari'a in Benghazi; "
                                  'aka Ansar al-Sharia Brigade).',
                                  'Therefore, I hereby designate the aforementioned organization and its aliases as '
                                  'a Foreign Terrorist Organization.'],
                   'published': '2020-05-10',
                   'kind': 'fto_designation',
                   'events': [('FTO',
                               'designation',
                               'Ansar al-Sharia in Benghazi',
                               ("Ansar al-Shari'a in Benghazi", 'Ansar al-Sharia Brigade'),
                               'organization',
                               ())]},
 'rename': {'title': "Amendment of the Designation of al-Qa'ida in Iraq",
            'paragraphs': ['Based upon a review of the Administrative Record, the Secretary of State hereby amends '
                           "the 2004 designation of al-Qa'ida in Iraq, also known as AQI, as a Foreign Terrorist "
                           'Organization to add the alias Islamic State of Iraq and the Levant as its primary name '
                           'and to add the following aliases: ISIS; Daesh; and Dawla al Islamiya.'],
            'published': '2020-05-10',
            'kind': 'fto_amendment',
            'events': [('FTO',
                        'amendment',
                        'Islamic State of Iraq and the Levant',
                        ("al-Qa'ida in Iraq", 'ISIS', 'Daesh', 'Dawla al Islamiya'),
                        'organization',
                        ())]},
 'combined one sentence': {'title': 'Designation of Viv Ansanm as a Foreign Terrorist Organization and Specially '
                                    'Designated Global Terrorist',
                           'paragraphs': ['I have concluded that the relevant circumstances described in section 219 '
                                          'of the INA (8 U.S.C. 1189) exist with respect to Viv Ansanm (also known '
                                          'as Living Together).',
                                          'Therefore, I hereby designate the aforementioned organization and its '
                                          'aliases as a Foreign Terrorist Organization pursuant to section 219 of '
                                          'the INA and as a Specially Designated Global Terrorist pursuant to '
                                          'section 1(b) of Executive Order 13224.'],
                           'published': '2020-05-10',
                           'kind': 'combined',
                           'events': [('FTO', 'designation', 'Viv Ansanm', ('Living Together',), 'organization', ()),
                                      ('SDGT',
                                       'designation',
                                       'Viv Ansanm',
                                       ('Living Together',),
                                       'organization',
                                       ())]},
 'sdgt revocation plural': {'title': 'Revocation of the Designations of Ansarallah, Abdul Malik al-Houthi, Abd '
                                     'al-Khaliq Badr al-Din al-Houthi, and Abdullah Yahya al Hakim (and Their '
                                     'Respective Aliases) as Specially Designated Global Terrorists',
                            'paragraphs': ['In accordance with section 1(b) of Executive Order 13224, I hereby '
                                           'revoke the designations of Ansarallah, Abdul Malik al-Houthi, Abd '
                                           'al-Khaliq Badr al-Din al-Houthi, and Abdullah Yahya al Hakim, and their '
                                           'respective aliases, as Specially Designated Global Terrorists.',
                                           'This revocation is effective February 16, 2021.'],
                            'published': '2020-05-10',
                            'kind': 'sdgt_revocation',
                            'events': [('SDGT', 'revocation', 'Ansarallah', (), 'unknown', ()),
                                       ('SDGT', 'revocation', 'Abdul Malik al-Houthi', (), 'unknown', ()),
                                       ('SDGT',
                                        'revocation',
                                        'Abd al-Khaliq Badr al-Din al-Houthi',
                                        (),
                                        'unknown',
                                        ()),
                                       ('SDGT', 'revocation', 'Abdullah Yahya al Hakim', (), 'unknown', ())]},
 'review and amendment': {'title': 'Review and Amendment of the Designation of ISIL-Sinai Province (and Other '
                                   'Aliases) as a Foreign Terrorist Organization',
                          'paragraphs': ['Based upon a review of the Administrative Record, the Secretary of State '
                                         'concludes that the circumstances that were the basis for the designation '
                                         'of the aforementioned organization have not changed in such a manner as to '
                                         'warrant revocation of the designation.',
                                         'Therefore, the Secretary of State hereby determines that the designation '
                                         'of the aforementioned organization as a Foreign Terrorist Organization '
                                         'shall be maintained.',
                                         'Further, the Secretary of State hereby amends the designation of '
                                         'ISIL-Sinai Province as a Foreign Terrorist Organization to add the '
                                         'following aliases: ISIS-Sinai Province; Wilayat Sayna.'],
                          'published': '2020-05-10',
                          'kind': 'fto_review_amendment',
                          'events': [('FTO',
                                      'amendment',
                                      'ISIL-Sinai Province',
                                      ('ISIS-Sinai Province', 'Wilayat Sayna'),
                                      'organization',
                                      ()),
                                     ('FTO', 'review', 'ISIL-Sinai Province', (), 'organization', ())]},
 'generic prefix title': {'title': 'Designations of Foreign Terrorist Organizations; In the Matter of the '
                                   "Designation of: al-Qa'ida in the Arabian Peninsula (AQAP), Also Known as "
                                   "al-Qa'ida of Jihad Organization in the Arabian Peninsula, Also Known as Tanzim "
                                   "Qa'idat al-Jihad fi Jazirat al-Arab, as a Foreign Terrorist Organization "
                                   'Pursuant to Section 219 of the Immigration and Nationality Act, as Amended.',
                          'paragraphs': ['Based upon a review of the administrative record assembled in this matter, '
                                         'I have concluded that there is a sufficient factual basis to find that the '
                                         'relevant circumstances described in section 219 of the INA exist with '
                                         "respect to al-Qa'ida in the Arabian Peninsula (AQAP), also known as "
                                         "al-Qa'ida of Jihad Organization in the Arabian Peninsula, also known as "
                                         "Tanzim Qa'idat al-Jihad fi Jazirat al-Arab.",
                                         'Therefore, I hereby designate the aforementioned organization and its '
                                         'aliases as a foreign terrorist organization pursuant to section 219 of the '
                                         'INA.'],
                          'published': '2020-05-10',
                          'kind': 'fto_designation',
                          'events': [('FTO',
                                      'designation',
                                      "al-Qa'ida in the Arabian Peninsula",
                                      ('AQAP',
                                       "al-Qa'ida of Jihad Organization in the Arabian Peninsula",
                                       "Tanzim Qa'idat al-Jihad fi Jazirat al-Arab"),
                                      'organization',
                                      ())]},
 'HTS revocation': {'title': 'Revocation of the Foreign Terrorist Organization Designation of al-Nusrah Front, Also '
                             "Known as Hay'at Tahrir al-Sham",
                    'paragraphs': ['In consultation with the Attorney General and the Secretary of the Treasury, I '
                                   "hereby revoke the designation of al-Nusrah Front, also known as Hay'at Tahrir "
                                   'al-Sham (and other aliases) as a Foreign Terrorist Organization pursuant to '
                                   'section 219 (a)(6)(A) of the Immigration and Nationality Act.',
                                   'The revocation goes into effect upon publication.'],
                    'published': '2020-05-10',
                    'kind': 'fto_revocation',
                    'events': [('FTO',
                                'revocation',
                                'al-Nusrah Front',
                                ("Hay'at Tahrir al-Sham",),
                                'organization',
                                ())]},
 'inverted multi review': {'title': 'Review of the Designations as Foreign Terrorist Organizations of '
                                    "Lashkar-e-Tayyiba (and Other Aliases); Jama'atu Ansarul Muslimina Fi "
                                    'Biladis-Sudan (Ansaru and Other Aliases); and the National Liberation Army (and '
                                    'Other Aliases)',
                           'paragraphs': ['Based upon a review of the Administrative Records assembled in these '
                                          'matters, the Secretary of State concludes that the circumstances that '
                                          'were the bases for the designations of the aforementioned organizations '
                                          'as Foreign Terrorist Organizations have not changed in such a manner as '
                                          'to warrant revocation of the designations.',
                                          'Therefore, the Secretary of State hereby determines that the designations '
                                          'of the aforementioned organizations as Foreign Terrorist Organizations '
                                          'shall be maintained.'],
                           'published': '2020-05-10',
                           'kind': 'fto_review',
                           'events': [('FTO', 'review', 'Lashkar-e-Tayyiba', (), 'organization', ()),
                                      ('FTO',
                                       'review',
                                       "Jama'atu Ansarul Muslimina Fi Biladis-Sudan",
                                       ('Ansaru',),
                                       'organization',
                                       ()),
                                      ('FTO', 'review', 'National Liberation Army', (), 'organization', ())]},
 '2022 revoke no as': {'title': 'Review of the Designation of Aum Shinrikyo as a Foreign Terrorist Organization',
                       'paragraphs': ['Based on a review of the Administrative Record assembled in this matter and '
                                      'in consultation with the Attorney General and the Secretary of the Treasury, '
                                      'I determine that the circumstances that were the basis for the designation of '
                                      'Aum Shinrikyo (and other aliases) as a Foreign Terrorist Organization have '
                                      'changed in such a manner to warrant revocation of the designation.',
                                      'Therefore, I hereby revoke the designation of the aforementioned '
                                      'organization.'],
                       'published': '2020-05-10',
                       'kind': 'fto_revocation',
                       'events': [('FTO', 'revocation', 'Aum Shinrikyo', (), 'organization', ())]},
 'leader of': {'title': "Designation of Isma'il Fu'ad Rasul Ahmed as a Specially Designated Global Terrorist",
               'paragraphs': ['Acting under the authority of and in accordance with section 1(a)(ii)(B) of Executive '
                              'Order 13224, as amended by Executive Order 13886, I hereby determine that the '
                              "individual known as Isma'il Fu'ad Rasul Ahmed, also known as Abdallah Kurdi, is a "
                              "leader of al-Qa'ida Kurdish Battalions, an entity whose property and interests in "
                              'property are blocked pursuant to Executive Order 13224.'],
               'published': '2020-05-10',
               'kind': 'sdgt_designation',
               'events': [('SDGT',
                           'designation',
                           "Isma'il Fu'ad Rasul Ahmed",
                           ('Abdallah Kurdi',),
                           'individual',
                           ())]},
 'noise E tags': {'title': 'Foreign Terrorist Organization Designation of Cártel de Jalisco Nueva Generación',
                  'paragraphs': ['Based upon a review of the Administrative Record, I have concluded that the '
                                 'relevant circumstances described in section 219 of the INA are met with respect to '
                                 '<E T="03">Cártel</E> de Jalisco <PRTPAGE P="99"/>Nueva Generación (also known as '
                                 '“CJNG”, Jalisco New Generation Cartel &amp; Allies).',
                                 'Therefore, I hereby designate the aforementioned organization and its respective '
                                 'aliases as a Foreign Terrorist Organization pursuant to section 219 of the INA.'],
                  'published': '2020-05-10',
                  'kind': 'fto_designation',
                  'events': [('FTO',
                              'designation',
                              'Cártel de Jalisco Nueva Generación',
                              ('CJNG', 'Jalisco New Generation Cartel & Allies'),
                              'organization',
                              ())]},
 'sdgt hereby designate': {'title': 'Designation of Hasm as a Specially Designated Global Terrorist',
                           'paragraphs': ['Pursuant to section 1(b) of Executive Order 13224, I hereby designate '
                                          "Harakat Sawa'd Misr, also known as HASM, also known as Hasm Movement, as "
                                          'a Specially Designated Global Terrorist.'],
                           'published': '2020-05-10',
                           'kind': 'sdgt_designation',
                           'events': [('SDGT',
                                       'designation',
                                       "Harakat Sawa'd Misr",
                                       ('HASM', 'Hasm Movement'),
                                       'unknown',
                                       ())]},
 'mention only': {'title': 'Notice of Public Meeting on Terrorism',
                  'paragraphs': ['The Department of State will hold a meeting to discuss Foreign Terrorist '
                                 'Organizations designated under section 219 of the INA, including Hizballah.'],
                  'published': '2020-05-10',
                  'kind': 'unrecognised',
                  'events': []}}
CASES.update({'has redesignated each listed below': {'title': 'Redesignation of Foreign Terrorist Organizations',
                                        'published': '2003-10-08',
                                        'paragraphs': ['Pursuant to section 219(a)(4)(B) of the INA, the Secretary '
                                                       'of State has redesignated, effective October 2, 2003, each '
                                                       'of the organizations listed below as a foreign terrorist '
                                                       'organization:',
                                                       'Hizballah (Party of God).',
                                                       'Kahane Chai (Kach).'],
                                        'kind': 'fto_review',
                                        'events': [('FTO',
                                                    'review',
                                                    'Hizballah',
                                                    ('Party of God',),
                                                    'organization',
                                                    ()),
                                                   ('FTO', 'review', 'Kahane Chai', ('Kach',), 'organization', ())]},
 'and its aliases X': {'title': 'Designation of Ansar Bayt al-Maqdis as a Foreign Terrorist Organization',
                       'published': '2014-04-10',
                       'paragraphs': ['I have concluded that the relevant circumstances described in section 219 of '
                                      'the INA exist with respect to Ansar Bayt al-Maqdis, and its aliases Ansar '
                                      'Jerusalem and Supporters of Jerusalem.',
                                      'Therefore, I hereby designate the aforementioned organization as a Foreign '
                                      'Terrorist Organization.'],
                       'kind': 'fto_designation',
                       'events': [('FTO',
                                   'designation',
                                   'Ansar Bayt al-Maqdis',
                                   ('Ansar Jerusalem', 'Supporters of Jerusalem'),
                                   'organization',
                                   ())]},
 'rename with acronym and list': {'title': 'Amendment of the Designation of the Salafist Group for Call and Combat',
                                  'published': '2008-02-20',
                                  'paragraphs': ['Pursuant to section 219(b) of the INA, the Secretary of State '
                                                 'hereby amends the designation of the Salafist Group for Call and '
                                                 'Combat (GSPC and other aliases) as a Foreign Terrorist '
                                                 'Organization to change the primary name of the organization to '
                                                 "al-Qa'ida in the Islamic Maghreb (AQIM), and to add the following "
                                                 "aliases: Tanzim al-Qa'ida fi Bilad al-Maghrib al-Islamiya; "
                                                 "al-Qa'ida in the Lands of the Islamic Maghreb."],
                                  'kind': 'fto_amendment',
                                  'events': [('FTO',
                                              'amendment',
                                              "al-Qa'ida in the Islamic Maghreb",
                                              ('Salafist Group for Call and Combat',
                                               'AQIM',
                                               "Tanzim al-Qa'ida fi Bilad al-Maghrib al-Islamiya",
                                               "al-Qa'ida in the Lands of the Islamic Maghreb"),
                                              'organization',
                                              ())]},
 'the organization X and of the following individuals': {'title': 'Revocation of the Designations of Ansarallah and '
                                                                  'Two Individuals as Specially Designated Global '
                                                                  'Terrorists',
                                                         'published': '2021-02-16',
                                                         'paragraphs': ['Pursuant to section 1(b) of Executive Order '
                                                                        '13224, I hereby revoke the designations of '
                                                                        'the organization Ansarallah (also known as '
                                                                        'Ansar Allah) and of the following '
                                                                        'individuals as Specially Designated Global '
                                                                        'Terrorists: Abdul Malik al-Houthi; and '
                                                                        'Abdullah Yahya al Hakim.'],
                                                         'kind': 'sdgt_revocation',
                                                         'events': [('SDGT',
                                                                     'revocation',
                                                                     'Ansarallah',
                                                                     ('Ansar Allah',),
                                                                     'organization',
                                                                     ()),
                                                                    ('SDGT',
                                                                     'revocation',
                                                                     'Abdul Malik al-Houthi',
                                                                     (),
                                                                     'individual',
                                                                     ()),
                                                                    ('SDGT',
                                                                     'revocation',
                                                                     'Abdullah Yahya al Hakim',
                                                                     (),
                                                                     'individual',
                                                                     ())]},
 'leaders listed after a colon': {'title': 'Designation of Two Individuals as Specially Designated Global Terrorists',
                                  'published': '2021-01-15',
                                  'paragraphs': ['Acting under the authority of section 1(a)(ii)(B) of Executive '
                                                 'Order 13224, as amended, I hereby determine that the following '
                                                 "persons are leaders of Harakat Sawa'd Misr, an entity whose "
                                                 'property and interests in property are blocked pursuant to '
                                                 'Executive Order 13224: Yahya Musa, an individual; and Alaa '
                                                 'al-Samahi, an individual.'],
                                  'kind': 'sdgt_designation',
                                  'events': [('SDGT', 'designation', 'Yahya Musa', (), 'individual', ()),
                                             ('SDGT', 'designation', 'Alaa al-Samahi', (), 'individual', ())]},
 'per-program effective dates': {'title': 'Designations of Antifa Ost',
                                 'published': '2025-11-14',
                                 'paragraphs': ['Pursuant to section 1(b) of Executive Order 13224, I hereby '
                                                'determine that the organization Antifa Ost has committed, or poses '
                                                'a significant risk of committing, acts of terrorism. This '
                                                'designation is effective upon signature.',
                                                'I have concluded that the relevant circumstances described in '
                                                'section 219 of the INA exist with respect to Antifa Ost. Therefore, '
                                                'I hereby designate the aforementioned organization as a Foreign '
                                                'Terrorist Organization, effective November 20, 2025.'],
                                 'kind': 'combined',
                                 'events': [('FTO', 'designation', 'Antifa Ost', (), 'organization', ()),
                                            ('SDGT', 'designation', 'Antifa Ost', (), 'organization', ())]}})


@pytest.mark.parametrize("name", list(CASES))
def test_wording_variant_is_read_exactly(name):
    case = CASES[name]
    read = notice(case["title"], case["paragraphs"], case["published"])
    assert read.kind == case["kind"]
    assert [(e.program.value, e.action.value, e.name, e.aliases, e.entity_type, e.details) for e in read.events] == case["events"]


@pytest.mark.parametrize("fragment, problem", [
    ("the following organizations", "no entity names could be read"),  # a list announced, none printed
    ("its aliases", "alias boilerplate"),
    ("Armed Islamic Group, together with its", "alias boilerplate"),
    ("male", "detail"),
])
def test_a_list_that_yields_no_name_is_a_review_item_never_an_event(fragment, problem):
    read = notice("Designation of Foreign Terrorist Organizations", [
        "I have concluded that the relevant circumstances described in section 219 of the INA exist with respect to "
        f"{fragment}.", "Therefore, I hereby designate the aforementioned organization as a Foreign Terrorist "
        "Organization."], "2020-05-10")
    assert (read.kind, read.events) == ("unrecognised", ())
    assert problem in read.review


FINDING = ("I have concluded that there is a sufficient factual basis to find that the relevant circumstances described in "
           "section 219 of the Immigration and Nationality Act, as amended (8 U.S.C. 1189) exist with respect to ")
THEREFORE = ("Therefore, I hereby designate the aforementioned organization and its aliases as a Foreign Terrorist "
             "Organization pursuant to section 219 of the INA.")
SDGT_LEAD = ("Acting under the authority of and in accordance with section 1(b) of Executive Order 13224, I hereby "
             "determine that the individual known as ")
SDGT_CRITERION = (" has committed, or poses a significant risk of committing, acts of terrorism that threaten the security "
                  "of U.S. nationals or the national security, foreign policy, or economy of the United States.")

# each kind of wording, our own sentences about real designations: (title, paragraphs, kind, events)
KINDS = {
    "variously known as": (
        "Designation of Harakat ul-Mujahidin as a Foreign Terrorist Organization",
        [FINDING + "Harakat ul-Mujahidin (HUM), variously known as Harakat ul-Ansar, Jamiat ul-Ansar, or al-Faran.",
         THEREFORE], "fto_designation",
        [("FTO", "designation", "Harakat ul-Mujahidin", ("HUM", "Harakat ul-Ansar", "Jamiat ul-Ansar", "al-Faran"),
          "organization", ())]),
    "a group also known by the names": (
        "Designation of Jaish-e-Mohammed as a Foreign Terrorist Organization",
        [FINDING + "Jaish-e-Mohammed, a group also known by the names Army of Mohammed, Tehrik ul-Furqaan, and "
         "Khuddam ul-Islam.", THEREFORE], "fto_designation",
        [("FTO", "designation", "Jaish-e-Mohammed", ("Army of Mohammed", "Tehrik ul-Furqaan", "Khuddam ul-Islam"),
          "organization", ())]),
    "including its part, also known as": (
        "Designation of Hizballah as a Foreign Terrorist Organization",
        [FINDING + "Hizballah, including its External Security Organization, also known as Islamic Jihad, also known "
         "as Party of God.", THEREFORE], "fto_designation",
        [("FTO", "designation", "Hizballah", ("External Security Organization", "Islamic Jihad", "Party of God"),
          "organization", ())]),
    "also known as A and as B": (
        "Designation of Revolutionary Organization 17 November as a Foreign Terrorist Organization",
        [FINDING + "Revolutionary Organization 17 November (17N), also known as Epanastatiki Organosi 17 Noemvri and "
         "as 17 November.", THEREFORE], "fto_designation",
        [("FTO", "designation", "Revolutionary Organization 17 November",
          ("17N", "Epanastatiki Organosi 17 Noemvri", "17 November"), "organization", ())]),
    "aliases in a sentence of their own": (
        "Designation of al-Shabaab as a Foreign Terrorist Organization",
        [FINDING + "al-Shabaab. The organization is also known by the names Harakat Shabaab al-Mujahidin, Hizbul "
         "Shabaab, and Mujahideen Youth Movement.", THEREFORE], "fto_designation",
        [("FTO", "designation", "al-Shabaab", ("Harakat Shabaab al-Mujahidin", "Hizbul Shabaab",
                                                "Mujahideen Youth Movement"), "organization", ())]),
    "aliases beside the name in a third-person finding": (
        "Designation of Lashkar i Jhangvi as a Foreign Terrorist Organization",
        ["Pursuant to section 219 of the Immigration and Nationality Act, as amended, the Secretary of State has found "
         "that Lashkar i Jhangvi (LJ), also known as Lashkar-e-Jhangvi and as Lashkar-e-Jhangwi, is a foreign "
         "organization that engages in terrorist activity.", "Accordingly, the Secretary of State hereby designates "
         "Lashkar i Jhangvi, and its aliases, as a foreign terrorist organization."], "fto_designation",
        [("FTO", "designation", "Lashkar i Jhangvi", ("LJ", "Lashkar-e-Jhangvi", "Lashkar-e-Jhangwi"),
          "organization", ())]),
    "Aliases: paragraph after the operative sentence": (
        "Designation of Abu Muhammad al-Jawlani as a Specially Designated Global Terrorist",
        [SDGT_LEAD + "Abu Muhammad al-Jawlani" + SDGT_CRITERION,
         "Aliases: Abu Muhammad al-Golani; Abu Ashraf; Muhammad al-Jawlani."], "sdgt_designation",
        [("SDGT", "designation", "Abu Muhammad al-Jawlani", ("Abu Muhammad al-Golani", "Abu Ashraf",
                                                              "Muhammad al-Jawlani"), "individual", ())]),
    "also known by the following names: then numbered paragraphs": (
        "Designation of Jama'at Nusrat al-Islam wal-Muslimin as a Foreign Terrorist Organization",
        [FINDING + "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), which is also known by the following names:",
         "(1) Group for Support of Islam and Muslims;", "(2) Nusrat al-Islam; and", "(3) Nusrat al-Islam wal-Muslimin.",
         THEREFORE], "fto_designation",
        [("FTO", "designation", "Jama'at Nusrat al-Islam wal-Muslimin",
          ("JNIM", "Group for Support of Islam and Muslims", "Nusrat al-Islam", "Nusrat al-Islam wal-Muslimin"),
          "organization", ())]),
    "whose other names include (1) (2)": (
        "Designation of Khalid Batarfi as a Specially Designated Global Terrorist",
        [SDGT_LEAD + "Khalid Batarfi, whose other names include (1) Khalid Saeed Batarfi, (2) Abu al-Miqdad al-Kindi, "
         "and (3) Khalid Ba Tarfi," + SDGT_CRITERION[4:]], "sdgt_designation",
        [("SDGT", "designation", "Khalid Batarfi", ("Khalid Saeed Batarfi", "Abu al-Miqdad al-Kindi",
                                                    "Khalid Ba Tarfi"), "individual", ())]),
    "hereinafter short name designated with its alias": (
        "Designation of ISIS-West Africa as a Foreign Terrorist Organization",
        [FINDING + 'Islamic State West Africa Province (hereinafter "ISIS-WA"), also known as Islamic State West '
         "Africa.", "Therefore, I hereby designate ISIS-WA and its alias as a Foreign Terrorist Organization pursuant to "
         "section 219 of the INA."], "fto_designation",
        [("FTO", "designation", "Islamic State West Africa Province", ("ISIS-WA", "Islamic State West Africa"),
          "organization", ())]),
    "change its primary name and include the following new aliases": (
        "Amendment of the Designation of Ansar al-Sunna as a Foreign Terrorist Organization",
        ["Therefore, pursuant to section 219(b) of the INA, I hereby amend the designation of Ansar al-Sunna as a "
         "Foreign Terrorist Organization to change its primary name to Ansar al-Islam and to include the following "
         "new aliases: Ansar al-Sunna, Jaish Ansar al-Sunna, and Ansar al-Islam fi Kurdistan."], "fto_amendment",
        [("FTO", "amendment", "Ansar al-Islam", ("Ansar al-Sunna", "Jaish Ansar al-Sunna", "Ansar al-Islam fi Kurdistan"),
          "organization", ())]),
    "add A and B as aliases": (
        "Amendment of the Designation of al-Nusrah Front as a Foreign Terrorist Organization",
        ["Therefore, pursuant to section 219(b) of the INA, I hereby amend the designation of al-Nusrah Front as a "
         "Foreign Terrorist Organization to add Hay'at Tahrir al-Sham and Jabhat Fath al-Sham as aliases."],
        "fto_amendment",
        [("FTO", "amendment", "al-Nusrah Front", ("Hay'at Tahrir al-Sham", "Jabhat Fath al-Sham"), "organization", ())]),
    "third person: the Secretary has designated X, effective": (
        "Designation of Foreign Terrorist Organization",
        ["Pursuant to section 219 of the Immigration and Nationality Act, the Secretary of State, after consultation "
         "with the Attorney General and the Secretary of the Treasury, has designated the Lashkar-e Tayyiba (LT) as a "
         "foreign terrorist organization, effective December 26, 2001.",
         "Such designation is for a period of two years, unless revoked or renewed."], "fto_designation",
        [("FTO", "designation", "Lashkar-e Tayyiba", ("LT",), "organization", ())]),
    "third person: has designated the following organizations, numbered": (
        "Designation of Foreign Terrorist Organizations",
        ["The Secretary of State, acting under the authority of section 219 of the Immigration and Nationality Act, "
         "has designated the following two organizations as foreign terrorist organizations:",
         "1. Jaish-e-Mohammed (also known as Army of Mohammed); and", "2. Lashkar-e Tayyiba (also known as Army of "
         "the Righteous).", "The designations are effective on December 26, 2001."], "fto_designation",
        [("FTO", "designation", "Jaish-e-Mohammed", ("Army of Mohammed",), "organization", ()),
         ("FTO", "designation", "Lashkar-e Tayyiba", ("Army of the Righteous",), "organization", ())]),
    "X meets the statutory criteria, and it is hereby designated": (
        "Designation of the United Self-Defense Forces of Colombia as a Foreign Terrorist Organization",
        ["Pursuant to section 219 of the Immigration and Nationality Act, the Secretary has determined that the United "
         "Self-Defense Forces of Colombia (AUC) (a.k.a. Autodefensas Unidas de Colombia) meets the statutory criteria, "
         "and it is hereby designated a Foreign Terrorist Organization."], "fto_designation",
        [("FTO", "designation", "United Self-Defense Forces of Colombia", ("AUC", "Autodefensas Unidas de Colombia"),
          "organization", ())]),
    "body points to the entity named in the caption": (
        "Designation of Ansar al-Islam, aka Ansar al-Sunna, aka Jaish Ansar al-Sunna, as a Foreign Terrorist "
        "Organization",
        [FINDING + "the organization named in the caption of this notice.", THEREFORE], "fto_designation",
        [("FTO", "designation", "Ansar al-Islam", ("Ansar al-Sunna", "Jaish Ansar al-Sunna"), "organization", ())]),
    "circumstances no longer exist, the designation accordingly revoked": (
        "Revocation of the Designation of Abu Bakr al-Baghdadi as a Specially Designated Global Terrorist",
        ["The Secretary of State has determined that the circumstances that were the basis for the designation of the "
         "above-named individual as a Specially Designated Global Terrorist pursuant to Executive Order 13224 no "
         "longer exist.", "The designation is accordingly revoked, effective upon publication of this notice."],
        "sdgt_revocation", [("SDGT", "revocation", "Abu Bakr al-Baghdadi", (), "individual", ())]),
    "one entry's alias is another entry of the same list": (
        "Designation of Foreign Terrorist Organizations",
        ["Pursuant to section 219 of the Immigration and Nationality Act, the Secretary of State hereby designates, "
         "effective October 8, 1997, the following as foreign terrorist organizations:", "1. Kach",
         "2. Kahane Chai (a.k.a. Kach)", "3. Hizballah (a.k.a. Party of God)"], "fto_designation",
        [("FTO", "designation", "Kach", (), "organization", ()),
         ("FTO", "designation", "Kahane Chai", ("Kach",), "organization", ()),
         ("FTO", "designation", "Hizballah", ("Party of God",), "organization", ())]),
    "redesignation round: the finding names whom it redesignates": (
        "In the Matter of the Redesignation of the Palestinian Islamic Jihad, and Other Aliases, as a Foreign Terrorist "
        "Organization",
        ["Based upon a review of the administrative record assembled in this matter pursuant to section 219(a)(4)(B) "
         "of the Immigration and Nationality Act, I have concluded that the relevant circumstances described in "
         "section 219 of the INA still exist with respect to the Palestinian Islamic Jihad (PIJ), also known as PIJ-"
         "Shaqaqi Faction, also known as Islamic Jihad of Palestine.", "Therefore, I hereby redesignate that "
         "organization and its aliases as a foreign terrorist organization pursuant to section 219(a)(4)(B) of the "
         "INA."], "fto_review",
        [("FTO", "review", "Palestinian Islamic Jihad", ("PIJ", "PIJ-Shaqaqi Faction", "Islamic Jihad of Palestine"),
          "organization", ())]),
    "amendment adds those names, given in the finding": (
        "Amendment of the Designation of Lashkar-e Tayyiba as a Foreign Terrorist Organization",
        ["I have concluded that Lashkar-e Tayyiba (LeT) operates under the alias Jamaat-ud-Dawa, also rendered "
         "Jamaat-ud-Daawa, and Falah-i-Insaniat Foundation.", "Therefore, pursuant to section 219(b) of the INA, I "
         "hereby amend the designation of Lashkar-e Tayyiba as a foreign terrorist organization to add those names as "
         "aliases of the organization."], "fto_amendment",
        [("FTO", "amendment", "Lashkar-e Tayyiba", ("Jamaat-ud-Dawa", "Jamaat-ud-Daawa", "Falah-i-Insaniat Foundation"),
          "organization", ())]),
    "rename: replace its primary name with, add the aliases named above": (
        "Amendment of the Designation of al-Qa'ida in Iraq as a Foreign Terrorist Organization",
        ["I have concluded that al-Qa'ida in Iraq (AQI), a designated foreign terrorist organization, has changed its "
         "name to Islamic State of Iraq and the Levant and uses the additional aliases Islamic State of Iraq and al-"
         "Sham and Daesh.", "Therefore, pursuant to section 219(b) of the INA, I hereby amend the designation of "
         "al-Qa'ida in Iraq as a foreign terrorist organization to replace its primary name with Islamic State of "
         "Iraq and the Levant (ISIL) and to add the aliases named above."], "fto_amendment",
        [("FTO", "amendment", "Islamic State of Iraq and the Levant",
          ("al-Qa'ida in Iraq", "ISIL", "Islamic State of Iraq and al-Sham", "Daesh"), "organization", ())]),
    "SDN-style identifiers inline, with 'alt.'": (
        "Designation of Ibrahim al-Banna as a Specially Designated Global Terrorist",
        [SDGT_LEAD + "Ibrahim al-Banna; a.k.a. Abu Ayman al-Masri; DOB 1965; alt. DOB 1966; POB Egypt; nationality "
         "Egypt," + SDGT_CRITERION[4:]], "sdgt_designation",
        [("SDGT", "designation", "Ibrahim al-Banna", ("Abu Ayman al-Masri",), "individual",
          (("dob", "1965"), ("dob", "1966"), ("pob", "Egypt"), ("nationality", "Egypt")))]),
    "a title naming several, each closed by (and Other Aliases)": (
        "Review of the Designations of Salafist Group for Call and Combat (and Other Aliases) and Movement for Oneness and "
        "Jihad in West Africa (and Other Aliases) as Foreign Terrorist Organizations",
        ["Therefore, I hereby determine that the designations of the aforementioned organizations as Foreign Terrorist "
         "Organizations, pursuant to section 219 of the INA, shall be maintained."], "fto_review",
        [("FTO", "review", "Salafist Group for Call and Combat", (), "organization", ()),
         ("FTO", "review", "Movement for Oneness and Jihad in West Africa", (), "organization", ())]),
    "Terrorist Exclusion List designation is neither FTO nor SDGT": (
        "Designation of Harakat ul-Jihad-i-Islami for Purposes of the Terrorist Exclusion List",
        ["Pursuant to section 212(a)(3)(B)(vi)(II) of the Immigration and Nationality Act, the Secretary of State hereby "
         "designates Harakat ul-Jihad-i-Islami as a terrorist organization for purposes of the Terrorist Exclusion List.",
         "This designation is not a designation of a Foreign Terrorist Organization under section 219."], "unrecognised",
        []),
}


@pytest.mark.parametrize("name", list(KINDS))
def test_kind_of_wording_is_read_exactly(name):
    title, paragraphs, kind, events = KINDS[name]
    read = notice(title, paragraphs, "2020-05-10")
    assert read.kind == kind, read.review
    assert [(e.program.value, e.action.value, e.name, e.aliases, e.entity_type, e.details) for e in read.events] == events


OFAC_NOTICE = """<NOTICE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF THE TREASURY</AGENCY>
<SUBAGY>Office of Foreign Assets Control</SUBAGY><SUBJECT>Notice of OFAC Sanctions Actions</SUBJECT></PREAMB>
<SUPLINF><HD SOURCE="HD1">Notice of OFAC Actions</HD>
<P>On July 9, 2007, OFAC determined that the property and interests in property subject to U.S. jurisdiction of the
following person are blocked under the relevant sanctions authorities listed below.</P><HD SOURCE="HD1">Entity</HD>
<P>1. AL-QARD AL-HASSAN (a.k.a. AL-QARD AL-HASAN ASSOCIATION), Beirut, Lebanon [SDGT].</P>
<SIG><DATED>Dated: July 9, 2007.</DATED></SIG></SUPLINF><FRDOC>[FR Doc. 2007-13500 Filed 7-12-07; 8:45 am]</FRDOC>
</NOTICE>"""


def test_an_ofac_action_inside_a_daily_issue_is_read_as_the_bare_notice_is():
    from parsers.dispatch import parse_file

    issue = (f"<FEDREG><VOL>72</VOL><NO>133</NO><DATE>Friday, July 13, 2007</DATE><NOTICES>{OFAC_NOTICE}</NOTICES>"
             "</FEDREG>").encode()
    inside, = parse_file("issue.xml", issue)
    bare, = parse_file("notice.xml", OFAC_NOTICE.encode())
    read = [(e.program.value, e.action.value, e.name, e.aliases, e.effective_on.isoformat()) for e in inside.events]
    assert read == [("SDGT", "designation", "AL-QARD AL-HASSAN", ("AL-QARD AL-HASAN ASSOCIATION",), "2007-07-09")]
    assert read == [(e.program.value, e.action.value, e.name, e.aliases, e.effective_on.isoformat()) for e in bare.events]


def test_a_redesignation_list_printed_as_an_organization_and_aliases_table():
    table = ('<GPOTABLE COLS="2"><BOXHD><CHED H="1">Name of organization</CHED><CHED H="1">Also known as</CHED></BOXHD>'
             '<ROW><ENT I="01">Kurdistan Workers\' Party</ENT><ENT>PKK; Kongra-Gel</ENT></ROW>'
             '<ROW><ENT I="01">Shining Path</ENT><ENT>Sendero Luminoso</ENT></ROW>'
             '<ROW><ENT I="01">Japanese Red Army</ENT><ENT/></ROW></GPOTABLE>')
    xml = ("<NOTICE><PREAMB><AGENCY>DEPARTMENT OF STATE</AGENCY><SUBJECT>Redesignation of Foreign Terrorist "
           "Organizations</SUBJECT></PREAMB><SUPLINF><P>Pursuant to section 219(a)(4)(B) of the Immigration and "
           "Nationality Act, the Secretary of State hereby redesignates the following organizations, with the aliases "
           "shown, as foreign terrorist organizations, effective October 5, 2001:</P>" + table +
           "<P>This notice shall be published in the Federal Register.</P></SUPLINF>"
           "<FRDOC>[FR Doc. 2001-1 Filed]</FRDOC></NOTICE>")
    read = parse_fr_document({"document_number": "2001-1", "publication_date": "2001-10-05",
                              "agencies": [{"slug": "state-department"}]}, xml.encode())
    assert [(e.action.value, e.name, e.aliases) for e in read.events] == [
        ("review", "Kurdistan Workers' Party", ("PKK", "Kongra-Gel")),
        ("review", "Shining Path", ("Sendero Luminoso",)),
        ("review", "Japanese Red Army", ()),
    ]
