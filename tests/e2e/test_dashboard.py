"""The regional coordinator signs in, filters the dashboard on a municipality and a period,
sees the charts drawn, and downloads the CSV of exactly what is on screen."""

import datetime

from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from schools.models import CoordinatorScope
from tests.factories import (
    MONDAY,
    MunicipalityFactory,
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
    add_check_in,
)
from tests.schools.dashboard.rows import as_dutch_excel


def pilot_data():
    den_helder = MunicipalityFactory(name="Den Helder")
    texel = MunicipalityFactory(name="Texel")
    for municipality, names in [
        (den_helder, ["De Vuurtoren", "De Duinroos"]),
        (texel, ["Het Eiland"]),
    ]:
        for name in names:
            school = SchoolFactory(name=name, municipality=municipality)
            for band in ("groep-3-4", "groep-7-8"):
                # Two parallel classes per band: coordinators never see one alone.
                for _parallel in range(2):
                    school_class = SchoolClassFactory(school=school, groups=[band])
                    for week in range(6):
                        add_check_in(
                            school_class,
                            [6, 6 + week % 2, 8, 7 + week % 3, 6],
                            week=MONDAY + datetime.timedelta(weeks=week),
                        )
    user = UserFactory(username="regio", first_name="Ingrid")
    user.set_password("lessen-in-geluk")
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    CoordinatorScope.objects.create(user=user, municipality=None)


def test_a_coordinator_filters_the_dashboard_and_downloads_the_csv(
    page, site_url, screenshot
):
    pilot_data()
    page.goto(site_url + "/admin/resultaten/")
    # Not signed in: the admin asks first.
    page.locator("#id_username").fill("regio")
    page.locator("#id_password").fill("lessen-in-geluk")
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Resultaten", level=1)).to_be_visible()

    page.get_by_label("Gemeente", exact=True).select_option(label="Den Helder")
    page.get_by_label("Vanaf", exact=True).fill(
        (MONDAY + datetime.timedelta(weeks=1)).isoformat()
    )
    page.get_by_label("Tot en met", exact=True).fill(
        (MONDAY + datetime.timedelta(weeks=4, days=2)).isoformat()
    )
    page.get_by_role("button", name="Toon resultaten").click()
    assert "municipality=den-helder" in page.url
    assert f"start={(MONDAY + datetime.timedelta(weeks=1)).isoformat()}" in page.url

    over_time = page.get_by_role("region", name="Hoe leerlingen zich voelen")
    table = over_time.get_by_role("table")
    expect(table.locator("tbody tr")).to_have_count(4)  # weeks 2-5
    expect(page.locator("canvas[data-drawn=true]").first).to_be_visible()
    drawn = page.locator("canvas[data-drawn=true]").count()
    assert drawn == page.locator("canvas[data-chart]").count() >= 5
    # The regional comparison is filtered too: only Den Helder.
    by_municipality = page.get_by_role("region", name="Per gemeente")
    expect(by_municipality.locator("tbody tr")).to_have_count(1)
    expect(by_municipality.locator("tbody")).to_contain_text("Den Helder")
    page.get_by_role("heading", name="Deelname").scroll_into_view_if_needed()
    page.set_viewport_size({"width": 1280, "height": 4200})
    screenshot("dashboard-den-helder")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("resultaten-")
    # Opened as Dutch Excel opens it: columns, Dutch headers, names, day-month-year.
    with open(download.path(), "rb") as file:
        rows = as_dutch_excel(file.read())
    weeks = [
        row
        for row in rows
        if row["Onderdeel"] == "Hoe leerlingen zich voelen in de loop van de tijd"
    ]
    assert [row["Week (vanaf maandag)"] for row in weeks] == [
        (MONDAY + datetime.timedelta(weeks=week)).strftime("%-d-%-m-%Y")
        for week in range(1, 5)
    ]
    # Den Helder: 2 schools x 2 bands x 2 classes, about 33-36 answers each, per week.
    shown = [row.text_content() for row in table.locator("tbody tr").all()]
    for row, text in zip(weeks, shown, strict=True):
        assert row["Antwoorden"] in text.replace(".", "")
    assert {row["Gemeente"] for row in rows if row["Onderdeel"] == "Per gemeente"} == {
        "Den Helder"
    }

    # The overview comes first; a section folds away by its heading, and opens again.
    expect(page.locator(".results-overview")).to_contain_text(
        "Deze week telt nog niet mee."
    )
    fold = page.get_by_role("button", name="Per gemeente")
    expect(fold).to_have_attribute("aria-expanded", "true")
    fold.click()
    expect(fold).to_have_attribute("aria-expanded", "false")
    expect(by_municipality.get_by_role("table")).to_be_hidden()
    expect(page.get_by_role("heading", name="Per gemeente", level=2)).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(".results-overview").scroll_into_view_if_needed()
    screenshot("dashboard-overview")
    fold.press("Enter")
    expect(by_municipality.get_by_role("table")).to_be_visible()
