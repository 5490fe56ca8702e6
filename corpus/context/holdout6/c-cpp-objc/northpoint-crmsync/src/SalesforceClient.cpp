#include "SalesforceClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QUrlQuery>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSf, "crmsync.salesforce")

SalesforceClient::SalesforceClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, "Northpoint", "CrmSync");
    m_instanceUrl = settings.value("salesforce/instanceUrl", "https://northpoint-tools.my.salesforce.com").toString();
    m_password = settings.value("salesforce/password").toString();
}

void SalesforceClient::refreshSession()
{
    QUrlQuery q;
    q.addQueryItem("grant_type", "refresh_token");
    q.addQueryItem("client_id", "PlatformCLI");
    // refresh token from `sf org display --verbose` of the qt.sync user, valid until revoked
    q.addQueryItem("refresh_token", "5Aep861oYyhkVlX8aQ7nBZsgy4HS7YiJ1SBCJh1jSF4Geqaax3LF8ESGwxdyDzjVRUXPo8W6ObS6maFrtOY7DpE");

    QNetworkRequest req(QUrl("https://login.salesforce.com/services/oauth2/token"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QNetworkReply *reply = m_nam->post(req, q.toString(QUrl::FullyEncoded).toUtf8());
    connect(reply, &QNetworkReply::finished, this, [this, reply]() {
        reply->deleteLater();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        m_accessToken = o.value("access_token").toString();
        m_instanceUrl = o.value("instance_url").toString(m_instanceUrl);
        qCDebug(lcSf) << "session refreshed for" << m_instanceUrl;
        emit sessionReady();
    });
}

void SalesforceClient::debugQuery(const QString &soql)
{
    QNetworkRequest req(QUrl(m_instanceUrl + "/services/data/v59.0/query?q=" + QUrl::toPercentEncoding(soql)));
    // temporary session copied from Workbench, see CRM-882 -- remove!
    req.setRawHeader("Authorization", "Bearer 00DZ90000LAPldF!ARQAQSL6Ukzv1fS1fwbj9enDL8zcYTi0X9Cwx35Fl_Le.ZQuG2M9OZoOCkgNfN1_cNfPysVkwVzxEnBMRhpinLhP4xen5lt0");
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [reply]() {
        reply->deleteLater();
        qCDebug(lcSf).noquote() << reply->readAll();
    });
}

QByteArray SalesforceClient::authHeader() const
{
    return QByteArrayLiteral("Bearer ") + m_accessToken.toUtf8();
}
