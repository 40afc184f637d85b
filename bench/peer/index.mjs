// Apollo's JS gateway on the benchmark's supergraph (gwbench -peer). The
// subgraph URLs point at SUBGRAPHS (the gwbench subgraph server).
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { startStandaloneServer } from "@apollo/server/standalone";

const base = process.env.SUBGRAPHS || "http://127.0.0.1:4200";
const supergraphSdl = readFileSync(process.env.SUPERGRAPH || "bench/supergraph.graphql", "utf8");
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name }) => new RemoteGraphQLDataSource({ url: `${base}/${name}` }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT || 4100) },
});
console.log(`Apollo gateway ready at ${url}`);
