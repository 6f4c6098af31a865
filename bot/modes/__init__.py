"""The modes of the assistant (supervision with the stuck pathway, workshops): each answers a reading and asks next."""
