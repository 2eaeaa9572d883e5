"""Where signing in leads. Wagtail's admin login is the one sign-in page; after it, a
teacher lands on her home on the site, a coordinator on the results, and everyone else
(authors, reviewers, school admins, administrators) on the admin's dashboard, as before.
A page she was asked to sign in for (`?next=`) always wins, except the admin's bare
dashboard, which is what the footer's "Inloggen voor medewerkers" asks for."""

from django.urls import reverse
from wagtail.admin.views.account import LoginView


def destination_for(user):
    from schools.models import CoordinatorScope, SchoolClass

    if SchoolClass.objects.filter(teachers=user).active().exists():
        return reverse("teaching:home")
    if CoordinatorScope.objects.filter(user=user).exists():
        return reverse("results_dashboard")
    return reverse("wagtailadmin_home")


class SignInView(LoginView):
    def get_success_url(self):
        asked = self.get_redirect_url()
        if asked and asked != reverse("wagtailadmin_home"):
            return asked
        return destination_for(self.request.user)
