from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Staff only: teachers, school admins, reviewers and coordinators. Pupils never
    have an account."""
