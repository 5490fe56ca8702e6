"""Refresh the Salesforce pipeline extract and publish it to Tableau Cloud."""
import tableauserverclient as TSC

SERVER = "https://prod-useast-b.online.tableau.com"
tableau_auth = TSC.PersonalAccessTokenAuth("etl-publisher", "W806EJaXS/DZeyArf51lFQ==:5WZ1cba4qwSLIwozZDqgQiTp7Kxg9J2B", site_id="acme")
server = TSC.Server(SERVER, use_server_version=True)

with server.auth.sign_in(tableau_auth):
    ds = TSC.DatasourceItem(project_id="a1b2c3d4-0000-4000-8000-000000000001")
    server.datasources.publish(ds, "pipeline.hyper", mode=TSC.Server.PublishMode.Overwrite)
