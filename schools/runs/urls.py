from django.urls import path

from schools.runs import board, views

app_name = "runs"

urlpatterns = [
    # Pupils: one join per lesson, then the screen follows the board.
    path("meedoen/<str:code>/", views.follow, name="follow"),
    path("meedoen/<str:code>/bord/", views.board_state, name="board_state"),
    # The teacher's board.
    path("sessies/les/start/", board.start, name="start"),
    path("sessies/les/<str:code>/dia/", board.move, name="move"),
    path("sessies/les/<str:code>/einde/", board.end, name="end"),
    path(
        "sessies/les/<str:code>/activiteit/<str:activity>/", board.panel, name="panel"
    ),
    path(
        "sessies/les/<str:code>/activiteit/<str:activity>/uitkomst/",
        board.reveal,
        name="reveal",
    ),
]
