ThisBuild / scalaVersion := "2.12.18"
ThisBuild / organization := "com.acme"
ThisBuild / version      := "1.8.0-SNAPSHOT"

lazy val root = (project in file("."))
  .settings(
    name := "sf-extract",
    libraryDependencies ++= Seq(
      "org.apache.spark"  %% "spark-sql"         % "3.5.1" % Provided,
      "com.springml"      %% "spark-salesforce"  % "1.1.4",
      "com.typesafe"       % "config"            % "1.4.3",
      "com.force.api"      % "force-wsc"         % "59.0.0",
      "org.scalatest"     %% "scalatest"         % "3.2.18" % Test
    ),
    Test / fork := true,
    // integration tests hit the dev sandbox through the refresh-token flow
    Test / envVars := Map(
      "SF_INSTANCE_URL"   -> "https://acme--dev.sandbox.my.salesforce.com",
      "SF_CLIENT_SECRET"  -> "52F0A8E1B16C8D08FF64EFA248CC7D7D6E34BE9531B4BCFE224551F63D1172AF",
      "SF_REFRESH_TOKEN"  -> "5Aep861LnaF2DzkBAU88YtD2guTtm2dyb179wVS.TXe1iIJ6ztSvPUMUsJWDCZdvlqIdHicLGPYTw8hGIBiPhAC",
      "SF_ACCESS_TOKEN"   -> sys.env.getOrElse("SF_ACCESS_TOKEN", "")
    )
  )

resolvers += "Acme Nexus" at "https://nexus.acme.internal/repository/maven-public/"

credentials += Credentials(
  "Sonatype Nexus Repository Manager",
  "nexus.acme.internal",
  "ci-deployer",
  "Cloud3Cedar!"
)

credentials += Credentials(Path.userHome / ".sbt" / ".credentials")

assembly / assemblyMergeStrategy := {
  case PathList("META-INF", _*) => MergeStrategy.discard
  case _                        => MergeStrategy.first
}
