"""Where sessions and answers are kept: the tables, their migrations, retention and deletion."""
