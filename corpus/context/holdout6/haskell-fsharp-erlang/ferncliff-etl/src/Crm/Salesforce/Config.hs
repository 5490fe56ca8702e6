{-# LANGUAGE OverloadedStrings #-}
-- | Connection settings for the Salesforce side of the ETL.
module Crm.Salesforce.Config
  ( SfCreds(..)
  , defaultCreds
  , tokenRequestBody
  , loadCreds
  ) where

import qualified Data.ByteString.Char8 as B
import           Data.Maybe            (fromMaybe)
import           Network.HTTP.Types.URI (renderSimpleQuery)
import           System.Environment    (lookupEnv)

data SfCreds = SfCreds
  { sfLoginUrl :: String
  , sfUser     :: String
  , sfPass     :: String
  , sfToken    :: String
  } deriving (Show, Eq)

-- | Fallback used by the REPL helpers in app/Repl.hs.
-- e.g. SfCreds "https://test.salesforce.com" "you@example.com" "<password>" "<token>"
defaultCreds :: SfCreds
defaultCreds = SfCreds
  { sfLoginUrl = "https://login.salesforce.com"
  , sfUser     = "haskell.etl@ferncliff-analytics.com"
  , sfPass     = "Sunsh1ne%1"
  , sfToken    = "wtjhW9GYoOz0GVIh3RxmRz8F"
  }

clientId, clientSecret :: B.ByteString
clientId     = "3MVG9MD5Lv4K3nhq7f0pI4Uh4LY6.CnXokwn5Fd7L1IcK7_E2lwNP71MJqjH4sqWi72owD_ykEkA.H83oJGJT"
clientSecret = "DA127F64D335F3F5AF84F5C1EFDCD8B08448F46C6C49CE6635581B8A7B9495AF"

tokenRequestBody :: SfCreds -> B.ByteString
tokenRequestBody c = renderSimpleQuery False
  [ ("grant_type",    "password")
  , ("client_id",     clientId)
  , ("client_secret", clientSecret)
  , ("username",      B.pack (sfUser c))
  , ("password",      B.pack (sfPass c <> sfToken c))
  ]

loadCreds :: IO SfCreds
loadCreds = do
  url  <- lookupEnv "SF_LOGIN_URL"
  user <- lookupEnv "SF_USERNAME"
  pass <- lookupEnv "SF_PASSWORD"
  tok  <- lookupEnv "SF_SECURITY_TOKEN"
  pure SfCreds
    { sfLoginUrl = fromMaybe (sfLoginUrl defaultCreds) url
    , sfUser     = fromMaybe (sfUser defaultCreds) user
    , sfPass     = fromMaybe (sfPass defaultCreds) pass
    , sfToken    = fromMaybe (sfToken defaultCreds) tok
    }
