from django.db import migrations

# Terms from the asylum and benefits systems that new arrivals meet in letters, with what a
# page should say instead (or beside them).
JARGON = [
    ("NASS", "Home Office asylum support"),
    ("NRPF", "no recourse to public funds: you cannot get most benefits (explain it)"),
    ("no recourse to public funds", "you cannot get most benefits (explain it)"),
    ("section 95", "asylum support (money and housing while you wait)"),
    ("section 98", "emergency asylum support"),
    ("section 4", "support for people whose asylum claim was refused"),
    ("biometric residence permit", "eVisa (BRPs were replaced in 2025)"),
    ("BRP", "eVisa (BRPs were replaced in 2025)"),
    ("leave to remain", "permission to stay in the UK"),
    ("indefinite leave to remain", "permission to stay in the UK with no time limit"),
    ("ILR", "permission to stay in the UK with no time limit"),
    ("UASC", "young person under 18 on their own"),
    ("unaccompanied asylum-seeking child", "young person under 18 on their own"),
    ("dispersal", "being moved to housing in another town"),
    ("statutory", "the law says (or leave it out)"),
    ("eligibility", "who can get it"),
    ("in accordance with", "under"),
    ("approximately", "about"),
    ("commence", "start"),
    ("sufficient", "enough"),
]


def seed(apps, schema_editor):
    JargonTerm = apps.get_model("editorial", "JargonTerm")
    for term, alternative in JARGON:
        JargonTerm.objects.get_or_create(term=term, defaults={"plain_alternative": alternative})


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_jargonterm")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
