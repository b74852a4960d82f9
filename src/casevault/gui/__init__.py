"""The desktop app. This is the only package that imports Qt; widgets call the Vault API and never
touch the database themselves."""
