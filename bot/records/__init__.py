"""The record of a supervision session: what it holds, how it is built, written as .docx and saved."""
