//
//  SalesforceClient.swift
//  FieldApp
//

import Foundation
import KeychainAccess

enum SalesforceError: Error {
    case notAuthenticated
    case http(Int, String)
}

final class SalesforceClient {
    static let shared = SalesforceClient()

    private let keychain = Keychain(service: "com.acme.fieldapp.salesforce")
    private let session = URLSession(configuration: .default)
    private let apiVersion = "v60.0"

    var instanceURL = URL(string: "https://acme--staging.sandbox.my.salesforce.com")!

    // Tokens live in the keychain; see OAuthCoordinator for the web-server flow.
    var accessToken: String? {
        get { try? keychain.get("sf_access_token") }
        set { try? keychain.set(newValue ?? "", key: "sf_access_token") }
    }
    var refreshToken: String? {
        get { try? keychain.get("sf_refresh_token") }
        set { try? keychain.set(newValue ?? "", key: "sf_refresh_token") }
    }

    #if DEBUG
    /// Seed tokens for the simulator so we don't have to log in on every fresh install.
    /// Generated with `sf org display --verbose -o staging` on 2024-11-18.
    func seedSimulator() {
        accessToken = "00DWg00000z7Slu!AQEw8bOjcMVG2YXCsO83fysHOQ9WnxAwrds8qTLJXBr59zGc2FbxbY4jWduskOh5tjvXIaxw_CdGcN3xJOyPYbo2E9Dj5DgJ"
        refreshToken = "5Aep861.lH4d7cpATI2zzbAc8o8RK5.0tj9MZlV3_5QISqzjjCgIYzNSLWtVtakivnhCI9fOkJcIkU.4FBhysvU"
    }
    #endif

    func query(_ soql: String) async throws -> Data {
        guard let token = accessToken else { throw SalesforceError.notAuthenticated }
        var comps = URLComponents(url: instanceURL.appendingPathComponent("/services/data/\(apiVersion)/query"),
                                  resolvingAgainstBaseURL: false)!
        comps.queryItems = [URLQueryItem(name: "q", value: soql)]
        var req = URLRequest(url: comps.url!)
        req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, resp) = try await session.data(for: req)
        let code = (resp as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(code) else {
            throw SalesforceError.http(code, String(decoding: data, as: UTF8.self))
        }
        return data
    }

    func refresh() async throws {
        guard let rt = refreshToken else { throw SalesforceError.notAuthenticated }
        var req = URLRequest(url: instanceURL.appendingPathComponent("/services/oauth2/token"))
        req.httpMethod = "POST"
        let clientId = Bundle.main.object(forInfoDictionaryKey: "SalesforceClientId") as? String ?? ""
        req.httpBody = "grant_type=refresh_token&client_id=\(clientId)&refresh_token=\(rt)".data(using: .utf8)
        req.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let (data, _) = try await session.data(for: req)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        accessToken = json?["access_token"] as? String
    }
}
