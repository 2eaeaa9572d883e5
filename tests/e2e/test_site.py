from playwright.sync_api import expect


def test_visitor_reads_the_home_page_in_dutch_and_switches_to_english(
    page, site_url, screenshot
):
    page.goto(site_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lessen in geluk")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    screenshot("home-nl")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(site_url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="For teachers")).to_be_visible()


def test_pages_fit_a_phone_without_sideways_scrolling(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/privacy/", "/toegankelijkheid/"]:
        page.goto(site_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_no_request_leaves_the_site(page, site_url):
    foreign = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(site_url) else foreign.append(request.url)
        ),
    )
    for path in ["/", "/en/privacy/", "/admin/login/", "/api/v1/docs/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert foreign == []
