from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage, SiteSettings, StandardPage


def test_demo_data_is_idempotent(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)
    counts = (Page.objects.count(), get_user_model().objects.count())
    call_command("load_demo_data", verbosity=0)
    assert (Page.objects.count(), get_user_model().objects.count()) == counts

    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert set(StandardPage.objects.child_of(home).values_list("slug", flat=True)) == {
        "privacy",
        "toegankelijkheid",
    }
    assert SiteSettings.for_site(site).contact_email
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_demo_admin_uses_the_demo_password(db, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "een-ander-wachtwoord")
    call_command("load_demo_data", verbosity=0)
    admin = get_user_model().objects.get(username="beheerder")
    assert admin.is_superuser
    assert admin.check_password("een-ander-wachtwoord")


def test_no_demo_users_when_debug_is_off(db, settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_data")
    assert not get_user_model().objects.exists()
    assert "no demo users" in capsys.readouterr().out
    assert HomePage.objects.exists()
