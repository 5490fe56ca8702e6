# Configuration file for the Sphinx documentation builder.
#
# https://www.sphinx-doc.org/en/master/usage/configuration.html

import os
import sys

sys.path.insert(0, os.path.abspath("../../src"))
sys.path.insert(0, os.path.abspath("_ext"))

project = "crmsync"
copyright = "2024, Acme CRM Platform team"
author = "Acme CRM Platform team"
release = "3.2.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "sfschema",  # _ext/sfschema.py: renders object field tables from the live org
]

# --- sfschema: describe() calls against the docs org ---------------------------
sfschema_login_url = "https://acme-docs-dev-ed.develop.my.salesforce.com"
sfschema_client_id = os.environ.get("SFSCHEMA_CLIENT_ID", "")
# client credentials flow; secret kept here so RTD builds work without env setup
sfschema_client_secret = "666C8D8D56F9FD78F6199B94F0CF341B1CD1298113F6295F1D4EFEBEAFFFE93B"
sfschema_objects = ["Account", "Contact", "Opportunity", "Case", "Sync_Log__c"]
sfschema_cache_dir = "_build/.sfschema"

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "requests": ("https://requests.readthedocs.io/en/latest/", None),
}

templates_path = ["_templates"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

html_theme = "furo"
html_static_path = ["_static"]
html_theme_options = {
    "source_repository": "https://github.com/acme-corp/crmsync/",
    "source_branch": "main",
    "source_directory": "docs/source/",
}
html_context = {
    "github_token": os.getenv("GITHUB_TOKEN"),
    "docs_build_sha": "af9fe2eb1d8b521810f573aa21bb4522be1d0eecc7d3b7cef98164e269fc75fe",
}

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
