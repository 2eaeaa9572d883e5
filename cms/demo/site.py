"""The site's own pages: home, privacy statement and accessibility statement, in B1 Dutch."""

from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings, StandardPage


def heading(text):
    return ("heading", {"text": text})


def paragraph(html):
    return ("paragraph", {"text": html})


def callout(title, html):
    return ("callout", {"title": title, "text": html})


HOME = {
    "title": "Lessen in geluk",
    "intro": (
        "Lessen over geluk, dankbaarheid, sterke kanten en goed voor elkaar zijn. "
        "Voor groep 1 tot en met 8 en klas 1 en 2, in Den Helder, Schagen en Texel."
    ),
    "teachers_text": (
        "Zoek een les voor je groep, bereid hem voor, laat hem zien op het digibord en print het lesplan. "
        "Je kunt ook zelf lessen schrijven en delen."
    ),
    "pupils_text": "Heb je een code van je juf of meester? Vul hem in en doe mee. Je hoeft niet in te loggen.",
    "body": [
        heading("Wat is Lessen in geluk?"),
        paragraph(
            "<p>Lessen in geluk is een lesprogramma over wat je blij maakt en wat je kunt doen als het even "
            "niet goed gaat. Kinderen praten over hun sterke kanten, zeggen dank je wel tegen iemand, "
            "doen een rustoefening of bedenken hoe ze een ander kunnen helpen.</p>"
        ),
        heading("Een pilot van drie gemeenten"),
        paragraph(
            "<p>De gemeente Den Helder wil dat inwoners zich gelukkiger voelen en mee kunnen doen. "
            "Samen met Schagen en Texel probeert zij daarom Lessen in geluk uit op scholen. "
            "Scholen en leerkrachten bepalen zelf hoe ze de lessen geven. De gemeente kijkt mee en leert.</p>"
        ),
        callout(
            "Anoniem meedoen",
            "<p>Leerlingen hebben geen account. Bij een check-in bewaren we geen naam, geen IP-adres en "
            'geen tekst die een kind zelf typt. Lees meer in de <a href="/privacy/">privacyverklaring</a>.</p>',
        ),
    ],
}

PRIVACY = {
    "title": "Privacyverklaring",
    "slug": "privacy",
    "intro": "Hier lees je welke gegevens Lessen in geluk bewaart, en welke niet. We schrijven dit zo eenvoudig mogelijk.",
    "body": [
        heading("Leerlingen: anoniem, zonder account"),
        paragraph(
            "<p>Leerlingen loggen nooit in. Bij een check-in kiest een leerling bijvoorbeeld een gezichtje of een "
            "gevoelswoord. We bewaren alleen:</p>"
            "<ul><li>het antwoord zelf (bijvoorbeeld: blij gezichtje);</li>"
            "<li>bij welke klas, les en welk moment het hoort;</li>"
            "<li>de datum, niet de tijd.</li></ul>"
            "<p>We bewaren <b>niet</b>: een naam, een leerlingnummer, een IP-adres, het soort apparaat of browser, "
            "of tekst die een kind zelf typt. Leerlingen kunnen ook niets zelf typen. Zo kan niemand, ook wij niet, "
            "een antwoord terugleiden naar een kind.</p>"
        ),
        heading("Eén keer antwoorden zonder naam"),
        paragraph(
            "<p>Om te zorgen dat een leerling maar één keer antwoordt, krijgt de browser een los, ondertekend "
            "kaartje voor die ene check-in. Dat kaartje zegt niets over wie je bent. We tellen ook hoeveel "
            "antwoorden er zijn tegenover het aantal leerlingen in de klas.</p>"
        ),
        heading("Wie ziet wat?"),
        paragraph(
            "<ul><li>Een leerkracht ziet de uitkomst van de eigen klas pas vanaf <b>5 antwoorden</b>.</li>"
            "<li>Een pilotcoördinator van de gemeente ziet alleen cijfers over een school of een leeftijdsgroep, "
            "en pas vanaf <b>10 antwoorden</b>. Nooit over één klas of één leerling.</li>"
            "<li>Zijn er te weinig antwoorden? Dan staat er: <i>te weinig antwoorden om te tonen</i>.</li>"
            "<li>Zijn bijna alle antwoorden hetzelfde? Dan tonen we die groep ook niet, want dan weet je "
            "wat iedereen heeft geantwoord.</li></ul>"
            "<p>Deze regels gelden overal: op de website, in downloads en in de koppeling (API) voor de gemeente.</p>"
        ),
        heading("Hoe lang bewaren we het?"),
        paragraph(
            "<p>Losse antwoorden tellen we binnen 30 dagen op tot totalen per klas en dag. Daarna verwijderen we de "
            "losse antwoorden. De totalen bewaren we tot de pilot is geëvalueerd, plus de termijn die de "
            "gemeenten en scholen samen afspreken.</p>"
        ),
        heading("Leerkrachten en medewerkers"),
        paragraph(
            "<p>Van leerkrachten, schoolbeheerders, redacteuren en coördinatoren bewaren we een naam, e-mailadres "
            "en wachtwoord (versleuteld), en bij welke school of gemeente zij horen. Dit is nodig om in te loggen "
            "en om lessen te schrijven.</p>"
        ),
        heading("Geen volgcodes"),
        paragraph(
            "<p>De website laadt niets van andere websites: geen advertenties, geen statistieken van anderen, "
            "geen lettertypen van buiten. We gebruiken alleen cookies die nodig zijn om in te loggen en om een "
            "check-in één keer te beantwoorden.</p>"
        ),
        callout(
            "Geen vervanging van de veiligheidsmonitor",
            "<p>De check-in is geen meetinstrument voor de sociale veiligheid van de school. "
            "Wil een kind praten? Dan gaat het naar de juf, de meester of de vertrouwenspersoon.</p>",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Toegankelijkheid",
    "slug": "toegankelijkheid",
    "intro": "Iedereen moet Lessen in geluk kunnen gebruiken: kinderen, leerkrachten en medewerkers van de gemeente.",
    "body": [
        heading("Onze afspraak"),
        paragraph(
            "<p>We bouwen deze website volgens de richtlijn WCAG 2.1 op niveau AA. "
            "Dat is de norm voor websites van de overheid in Nederland.</p>"
        ),
        heading("Wat we doen"),
        paragraph(
            "<ul><li>Alles werkt met alleen een toetsenbord.</li>"
            "<li>Voor kinderen heeft elke keuze een plaatje, een woord en een knop om het voor te laten lezen.</li>"
            "<li>Kleur is nooit de enige manier om iets te laten zien.</li>"
            "<li>De tekst is goed leesbaar, ook op een telefoon en als je inzoomt tot 200%.</li>"
            "<li>We testen elke pagina automatisch en met de hand.</li></ul>"
        ),
        heading("Werkt iets niet?"),
        paragraph(
            "<p>Laat het ons weten via het contactadres onderaan de pagina. We antwoorden binnen vijf werkdagen "
            "en lossen het probleem zo snel mogelijk op.</p>"
        ),
    ],
}


def load_site(*, contact_email="lesseningeluk@denhelder.example"):
    """Create or update the home page, the statements and the site settings. Idempotent."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(slug="start", **_page_fields(HOME)))
    else:
        _update(home, HOME)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.hostname, site.port, site.site_name, site.root_page = (
        "localhost",
        80,
        "Lessen in geluk",
        home,
    )
    site.save()
    # Wagtail's own welcome page is not ours to keep.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).exclude(pk=home.pk).delete()

    for spec in (PRIVACY, ACCESSIBILITY):
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            home.add_child(
                instance=StandardPage(slug=spec["slug"], **_page_fields(spec))
            )
        else:
            _update(page, spec)

    site_settings = SiteSettings.for_site(site)
    site_settings.organisation = "Gemeente Den Helder, samen met Schagen en Texel"
    site_settings.contact_email = contact_email
    site_settings.save()
    return home


def _page_fields(spec):
    return {key: value for key, value in spec.items() if key != "slug"}


def _update(page, spec):
    for key, value in _page_fields(spec).items():
        setattr(page, key, value)
    page.save_revision().publish()
